export declare const PHRASES: number;
export declare function runCsPhrases(options?: { log?: (line: string) => void; rounds?: number; phrases?: number }): Promise<string[][]>;
