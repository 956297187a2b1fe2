export declare const ROUNDS: number;
export declare function runPricing(options?: { log?: (line: string) => void; rounds?: number; windowMs?: number }): Promise<string[][]>;
