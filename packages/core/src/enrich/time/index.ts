export { findTimeExpressions } from "./expressions";
export { precisionOf } from "./precision";
export { buildTimeline, type TimelineOptions } from "./timeline";
