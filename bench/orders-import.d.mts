export declare const ORDERS: number;
export declare function runOrdersImport(options?: { log?: (line: string) => void; orders?: number }): Promise<string[][]>;
