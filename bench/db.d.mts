export declare const ROUNDS: number;
export declare function runDb(options?: { log?: (line: string) => void; rounds?: number; scale?: number }): Promise<string[][]>;
