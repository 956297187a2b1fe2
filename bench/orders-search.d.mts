export declare const ORDERS: number;
export declare const PENDING: number;
export declare function runOrdersSearch(options?: { log?: (line: string) => void; orders?: number; pending?: number; repeat?: number; nodeArgs?: string[] }): Promise<string[][]>;
export declare const OWNER: { username: string; password: string; displayName: string };
export declare function prepareShop(dir: string): Promise<{ id: number; code: string; price: number }[]>;
export declare function fillShop(file: string, skus: { id: number; code: string; price: number }[], size: { orders: number; pending: number }): Promise<{ items: number; samples: unknown }>;
export declare function startWorkbench(dir: string, nodeArgs?: string[]): Promise<{ url: string; output(): string; stop(): Promise<unknown> }>;
