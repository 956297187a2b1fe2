// The listings panels use the UI kit's panel layout as it is.
export { panelStyles as listingsStyles } from '@workbench/ui';
