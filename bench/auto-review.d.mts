export declare const ORDERS: number;
export declare const PENDING: number;
export declare const ROUNDS: number;
export declare function runAutoReview(options?: { log?: (line: string) => void; orders?: number; pending?: number; rounds?: number; nodeArgs?: string[] }): Promise<string[][]>;
