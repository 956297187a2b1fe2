export declare const STAFF: number;
export declare const CLOCK_ROWS: number;
export declare function runAttendance(options?: { log?: (line: string) => void; rounds?: number; windowMs?: number }): Promise<string[][]>;
