import type { LocalizedText } from '@workbench/plugin-api';
import type { CampaignState } from '../../shared/state-names.js';

/** Records of the campaigns area as the API sends them. Money in 分, times with the shop's offset. */

export type CampaignStatus = CampaignState;

/** One SKU's campaign price and its second check (二次核对). */
export interface CampaignPrice {
  skuId: number;
  productId: number;
  code: string;
  /** The SKU's everyday price, for comparison. */
  regularPrice: number;
  cost: number;
  price: number;
  setBy: number;
  setAt: string;
  confirmedBy: number | null;
  confirmedAt: string | null;
}

export interface Campaign {
  id: number;
  name: string;
  /** e.g. 聚划算, 店庆, 双十二; free text. */
  kind: string;
  startsAt: string;
  endsAt: string;
  status: CampaignStatus;
  productIds: number[];
  couponIds: number[];
  /** Promotions whose `campaignId` is this campaign. */
  promotionIds: number[];
  prices: CampaignPrice[];
  /** SKUs of the campaign's products that still have no campaign price. */
  unpricedSkuIds: number[];
  forecastSales: number | null;
  samePeriodSales: number | null;
  cost: number | null;
  /** True once the close-out report is kept (`GET /campaigns/:id/report`). */
  hasReport: boolean;
  closedAt: string | null;
  closedBy: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: number | null;
}

/** One line under a pre-launch check: what is wrong (or fine), with the records it is about. */
export interface CheckDetail {
  message: LocalizedText;
  campaignId?: number;
  productId?: number;
  skuId?: number;
  couponId?: number;
  /** The numbers behind the message, in 分 unless named otherwise. */
  figures?: Record<string, number>;
}

export type CheckId = 'time-window' | 'pages' | 'coupons' | 'stacking';

export interface CampaignCheck {
  id: CheckId;
  title: { 'zh-CN': string; en: string };
  passed: boolean;
  details: CheckDetail[];
}

export interface CampaignChecks {
  campaignId: number;
  checkedAt: string;
  checks: CampaignCheck[];
  passed: boolean;
}
