export { ArticleBody, paragraphAnchor } from "./article-body";
export { ArticleHeader, languageName } from "./article-header";
export { ArticleList, ArticleListItem, articleHref } from "./article-list";
export { ComparisonView } from "./comparison";
export { formatCount, formatDate, formatDateTime, hostOf, UNTITLED } from "./format";
export type { LinkComponent } from "./link";
export { ProgressBar, type ProgressBarProps } from "./progress-bar";
export { defaultNavItems, Nav, type NavItem, SiteHeader } from "./site-header";
export { StatusBadge, statusLabel } from "./status-badge";
export * from "./article-extras";
export {
  BriefingView,
  Citations,
  CitedSentence,
  citationHref,
  Flag,
  formatEventDate,
  GenreLabel,
  KeyPointItem,
} from "./briefing";
export { BriefingDiffView } from "./briefing-diff";
export { StoryDates, StoryList, type StoryListEntry, StoryListItem, storyHref } from "./story-list";
export {
  countryName,
  Highlighted,
  SearchFacets,
  type SearchFacetsProps,
  SearchResults,
  type SearchResultsProps,
} from "./search-results";
