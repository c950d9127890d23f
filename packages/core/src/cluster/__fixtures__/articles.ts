import type { ClusterDoc } from "../types";

const doc = (id: string, publishedAt: string | null, title: string, ...paragraphs: string[]): ClusterDoc => ({
  id,
  title,
  text: paragraphs.join("\n\n"),
  publishedAt,
});

/** Unrelated news, so that document frequencies separate common words from telling ones. */
export const background: ClusterDoc[] = [
  doc(
    "bg-rates",
    "2026-03-02T08:00:00Z",
    "Central bank holds interest rates steady as inflation cools",
    "The central bank kept its benchmark interest rate unchanged on Tuesday, saying inflation had eased for a third month.",
    "Economists had expected the pause. The governor said the committee would watch wage growth before any cut.",
  ),
  doc(
    "bg-football",
    "2026-03-02T09:00:00Z",
    "Late goal sends City into cup semi-final",
    "A stoppage-time header from the captain sent City into the semi-final of the cup on Saturday night.",
    "The manager praised his players for their patience after a goalless first half in the rain.",
  ),
  doc(
    "bg-phone",
    "2026-03-02T10:00:00Z",
    "New smartphone goes on sale with bigger battery",
    "The company's new smartphone went on sale on Friday with a larger battery and a brighter screen.",
    "Reviewers said the camera was improved but the price had risen by a hundred dollars.",
  ),
  doc(
    "bg-election",
    "2026-03-02T11:00:00Z",
    "Opposition leader launches campaign for regional election",
    "The opposition leader launched her campaign for the regional election with a promise to cut commuter fares.",
    "Polls show the governing party narrowly ahead, with many voters still undecided.",
  ),
  doc(
    "bg-film",
    "2026-03-02T12:00:00Z",
    "Festival opens with documentary about river communities",
    "The film festival opened on Thursday with a documentary about fishing communities along the river.",
    "The director told the audience the film had taken six years to make.",
  ),
  doc(
    "bg-storm",
    "2026-03-02T13:00:00Z",
    "Storm brings heavy snow and travel disruption to the north",
    "Heavy snow closed roads and cancelled trains across the north on Monday as a winter storm moved in.",
    "Forecasters said conditions would improve by the weekend.",
  ),
];

/** Three outlets on one event, in their own words. */
export const recall: ClusterDoc[] = [
  doc(
    "recall-1",
    "2026-03-03T08:00:00Z",
    "Brightline recalls 2 million blenders over fire risk",
    "Brightline Appliances is recalling about 2 million countertop blenders after reports that the motor can overheat and catch fire.",
    "The company said it had received 41 reports of fires and six minor burns. Owners should stop using the blenders and contact Brightline for a free replacement.",
  ),
  doc(
    "recall-2",
    "2026-03-03T09:30:00Z",
    "Blender maker Brightline issues recall after fires",
    "Brightline has recalled two million blenders sold over the past three years because their motors may overheat, the consumer safety commission said.",
    "The recall covers blenders sold at major retailers. Brightline said customers would receive a replacement at no cost.",
  ),
  doc(
    "recall-3",
    "2026-03-03T11:00:00Z",
    "Overheating motors prompt Brightline blender recall",
    "Consumers who own a Brightline blender should unplug it, regulators said on Tuesday, announcing a recall of 2 million units whose motors can overheat.",
    "Dozens of fires have been reported, according to the safety commission.",
  ),
];

/** Two summits of the same two leaders, eleven months apart. */
export const summits: ClusterDoc[] = [
  doc(
    "summit-1a",
    "2026-03-04T06:00:00Z",
    "Leaders of Norland and Sudria meet for first summit in Geneva",
    "President Anna Varga of Norland and Prime Minister Tomas Reyes of Sudria met in Geneva on Wednesday for their first summit, pledging to reopen border trade.",
    "The two leaders shook hands outside the lakeside villa and spoke for three hours, officials said.",
  ),
  doc(
    "summit-1b",
    "2026-03-04T09:00:00Z",
    "Varga and Reyes agree to reopen border trade at Geneva summit",
    "Norland's President Anna Varga and Sudria's Prime Minister Tomas Reyes agreed at their summit in Geneva to reopen border trade and to meet again.",
    "Both leaders called the talks constructive.",
  ),
  doc(
    "summit-2a",
    "2027-02-10T06:00:00Z",
    "Varga and Reyes hold second summit in Vienna",
    "President Anna Varga of Norland and Prime Minister Tomas Reyes of Sudria met in Vienna on Wednesday for a second summit, focused on water rights along their shared river.",
    "The leaders shook hands before talks that officials said lasted four hours.",
  ),
  doc(
    "summit-2b",
    "2027-02-10T10:00:00Z",
    "Norland and Sudria leaders discuss river water rights in Vienna",
    "Norland's President Anna Varga and Sudria's Prime Minister Tomas Reyes discussed water rights at their summit in Vienna, a year after their first meeting in Geneva.",
    "Both leaders called the talks constructive.",
  ),
];

/** Two earthquakes in different countries, five days apart. */
export const earthquakes: ClusterDoc[] = [
  doc(
    "quake-peru-1",
    "2026-03-05T04:00:00Z",
    "Magnitude 7.1 earthquake strikes southern Peru",
    "A magnitude 7.1 earthquake struck southern Peru early on Thursday, damaging houses in Arequipa and cutting power to thousands, the US Geological Survey said.",
    "Peru's civil defence agency reported at least 12 people injured. There was no tsunami warning.",
  ),
  doc(
    "quake-peru-2",
    "2026-03-05T07:00:00Z",
    "Strong quake shakes Arequipa, injuring a dozen",
    "A strong earthquake shook the Peruvian city of Arequipa on Thursday, injuring at least 12 people and knocking down adobe walls, officials said.",
    "The quake had a magnitude of 7.1 and was centred 40 kilometres south of the city.",
  ),
  doc(
    "quake-japan-1",
    "2026-03-10T15:00:00Z",
    "Magnitude 6.4 earthquake hits northern Japan",
    "A magnitude 6.4 earthquake hit Aomori prefecture in northern Japan on Tuesday, halting bullet trains and briefly cutting power, the Japan Meteorological Agency said.",
    "No tsunami warning was issued. Several people were treated for minor injuries.",
  ),
  doc(
    "quake-japan-2",
    "2026-03-10T18:00:00Z",
    "Aomori quake halts bullet trains",
    "Bullet train services in northern Japan were suspended after a 6.4 magnitude earthquake struck Aomori on Tuesday, the Japan Meteorological Agency said.",
    "Power was restored to most homes within hours.",
  ),
];
