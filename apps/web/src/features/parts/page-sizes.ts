/** Page sizes the parts list offers (the API allows up to 100). */
export const PAGE_SIZES = [20, 50, 100];
