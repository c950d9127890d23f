export { ArticleBody, entityHref, entityTypeLabels, paragraphAnchor } from "./article-body";
export { ArticleHeader, languageName } from "./article-header";
export { ArticleList, ArticleListItem, articleHref } from "./article-list";
export { ComparisonView } from "./comparison";
export { formatCount, formatDate, formatDateTime, hostOf, UNTITLED } from "./format";
export type { LinkComponent } from "./link";
export { ProgressBar, type ProgressBarProps } from "./progress-bar";
export { defaultNavItems, Nav, type NavItem, SEARCH_MAX_LENGTH, SiteHeader, SiteSearch } from "./site-header";
export { SiteAccount } from "./site-account";
export { StatusBadge, statusLabel } from "./status-badge";
export * from "./article-extras";
export {
  BriefingView,
  type CiteComponent,
  Citations,
  CitedSentence,
  citationHref,
  citationName,
  CiteText,
  FiguresTable,
  Flag,
  formatEventDate,
  GenreLabel,
  KeyPointItem,
} from "./briefing";
export { BriefingDiffView } from "./briefing-diff";
export { StoryDates, StoryList, type StoryListEntry, StoryListItem, storyHref } from "./story-list";
export { formatRelative, SourceMix, StoryCard, type StoryCardEntry, StoryCards } from "./story-card";
export { dateSpan, TimelineChart } from "./timeline-chart";
export { ActionsTable, BarChart, type BarGroup, EmphasisChart, VoicesChart } from "./comparison-charts";
export {
  type EnrichmentMarks,
  htmlDateTime,
  type InlineMark,
  marksByParagraph,
  type Segment,
  segmentParagraph,
} from "./paragraph-marks";
export {
  AliasList,
  EntityQuotes,
  type EntityQuoteEntry,
  EntityStories,
  type EntityStoryEntry,
  OutletNaming,
  type OutletNamingEntry,
} from "./entity-page";
export {
  bucketLabel,
  type MentionPoint,
  MentionsChart,
  type MentionsChartProps,
  niceMaximum,
} from "./mentions-chart";
export {
  formatJobTime,
  JobCountsTable,
  JobList,
  type JobRow,
  type JobStageCounts,
} from "./jobs-table";
export {
  countryName,
  Highlighted,
  SearchFacets,
  type SearchFacetsProps,
  SearchResults,
  type SearchResultsProps,
} from "./search-results";
export { ScrollArea } from "./scroll-area";
export { type RevisionItem, RevisionDiffView, RevisionList, StaleBriefingNotice } from "./revision-diff";
