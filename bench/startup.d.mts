export declare const ROUNDS: number;
export declare const TARGET: number;
export declare function runStartup(options?: { log?: (line: string) => void; rounds?: number }): Promise<string[][]>;
