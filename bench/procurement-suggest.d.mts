// Types for the parts of bench/procurement-suggest.mjs that test/bench-procurement.test.ts uses.
import type { Database } from 'sqlite3';

export interface RawFigures { shipped: number; target: number; position: number; quantity: number }
export function open(file: string, mode: number): Promise<Database>;
export function fillShop(file: string, skus: { id: number; code: string; productId: number }[], orders: number): Promise<{ today: string }>;
export function rawSuggestions(db: Database, now: number): Promise<Map<string, RawFigures>>;
export function differences(items: { skuCode: string; shipped: number; target: number; position: number; quantity: number }[], raw: Map<string, RawFigures>): string[];
export function runProcurementSuggest(options?: { skus?: number; orders?: number; rounds?: number }): Promise<{ rows: string[][]; route: number; sql: number; items: number; delisted: number; toBuy: number }>;
