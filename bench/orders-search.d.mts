export declare const ORDERS: number;
export declare const PENDING: number;
export declare function runOrdersSearch(options?: { log?: (line: string) => void; orders?: number; pending?: number; repeat?: number; nodeArgs?: string[] }): Promise<string[][]>;
