import type { Locator, Page } from "@playwright/test";

/** The count beside a filter option («objetivo», «1.1»): the last text of the label that wraps its box. */
export const facetCount = (page: Page, name: string, value: string): Locator =>
  page.locator(`.filters-panel label:has(> input[name="${name}"][value="${value}"]) > span:last-of-type`);
