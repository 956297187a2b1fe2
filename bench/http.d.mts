export declare const ROUNDS: number;
export declare function runHttp(options?: { log?: (line: string) => void; rounds?: number; windowMs?: number; warmupMs?: number }): Promise<string[][]>;
