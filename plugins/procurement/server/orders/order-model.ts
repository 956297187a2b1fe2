import type { ApprovalStep } from './approval-chain.js';
import type { PoStatus } from './po-states.js';

/** One line of a purchase order. */
export interface PoLine {
  id: number;
  skuId: number;
  skuCode: string;
  barcode: string | null;
  title: string;
  qty: number;
  /** 分 per piece. */
  price: number;
  /** qty × price, 分. */
  amount: number;
  expectedDate: string | null;
  passed: number;
  failed: number;
  /** Still to come: ordered less passed, never below 0. */
  outstanding: number;
}

/** A step of the approval chain, with its signature once signed. */
export interface PoApproval extends ApprovalStep {
  signedBy: { id: number; name: string } | null;
  signedAt: string | null;
}

/** A move of the order, who made it and when. */
export interface PoStep {
  move: string;
  from: PoStatus | null;
  to: PoStatus;
  byId: number;
  byName: string;
  at: string;
  note: string;
}

export interface PurchaseOrder {
  id: number;
  poNo: string;
  supplierId: number;
  supplierName: string;
  rfqId: number | null;
  contractId: number | null;
  status: PoStatus;
  /** 分. */
  transportCost: number;
  goodsAmount: number;
  /** Goods and transport: what the approval chain looks at. */
  total: number;
  expectedDate: string | null;
  remark: string;
  createdBy: number;
  createdByName: string;
  createdAt: string;
  version: number;
  lines: PoLine[];
  approvals: PoApproval[];
  history: PoStep[];
}

/** A new order's lines and terms. */
export interface PoInput {
  supplierId: number;
  rfqId?: number | null;
  contractId?: number | null;
  transportCost?: number;
  expectedDate?: string | null;
  remark?: string;
  lines: { skuId: number; skuCode: string; barcode: string | null; title: string; qty: number; price: number; expectedDate?: string | null }[];
}

/** An order in a list. */
export interface PoSummary {
  id: number;
  poNo: string;
  supplierId: number;
  supplierName: string;
  status: PoStatus;
  total: number;
  expectedDate: string | null;
  createdAt: string;
  version: number;
}
