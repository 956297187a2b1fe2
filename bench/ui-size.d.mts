export declare const BUDGET_KB: number;
export declare function measureShellInitialJs(): { files: string[]; raw: number; gzipped: number; inputs: string[] };
export declare function runUiSize(): Promise<string[][]>;
