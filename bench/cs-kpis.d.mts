export declare const CHAT_LINES: number;
export declare function runCsKpis(options?: { log?: (line: string) => void; rounds?: number; windowMs?: number; lines?: number }): Promise<string[][]>;
