/**
 * The demo data: the Mariupol talks article (copied from the shared fixtures so the demo
 * never reads ../shared at run time), its claimants and contested statements, the dispute
 * over the maternity hospital strike, evidence, and verdicts in three workflow states.
 */
import type { Role, SourceType, Stance, VerdictState } from "@/db/schema";

export const DEMO_PASSWORD = "claimdesk-demo";

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@claimdesk.test", name: "Ada Admin", role: "admin" },
  { email: "editor@claimdesk.test", name: "Esther Editor", role: "editor" },
  { email: "reviewer@claimdesk.test", name: "Rafael Reviewer", role: "editor" },
  { email: "contributor@claimdesk.test", name: "Chloe Contributor", role: "contributor" },
];

/** The default rating scale: six ratings on the true–false order (1 = worst), and one outside it. */
export const DEFAULT_RATINGS = [
  {
    key: "true",
    label: "True",
    ordinal: 6,
    colour: "#1a7f37",
    description: "The statement is accurate and nothing significant is missing.",
  },
  {
    key: "mostly-true",
    label: "Mostly true",
    ordinal: 5,
    colour: "#557a00",
    description: "The statement is accurate but needs clarification or additional information.",
  },
  {
    key: "mixed",
    label: "Mixed",
    ordinal: 4,
    colour: "#9a6700",
    description: "The statement is partly accurate and partly inaccurate.",
  },
  {
    key: "misleading",
    label: "Misleading",
    ordinal: 3,
    colour: "#bc4c00",
    description: "The statement contains accurate elements but leaves a false impression.",
  },
  {
    key: "mostly-false",
    label: "Mostly false",
    ordinal: 2,
    colour: "#c4432b",
    description: "The statement contains an element of truth but ignores facts that would give a different impression.",
  },
  { key: "false", label: "False", ordinal: 1, colour: "#a40e26", description: "The statement is not accurate." },
  {
    key: "unverifiable",
    label: "Unverifiable",
    ordinal: null,
    colour: "#57606a",
    description:
      "The available evidence can neither confirm nor refute the statement, or it is a prediction or opinion.",
  },
] as const;

export const DEMO_DOCUMENT = {
  slug: "mariupol-talks-2022-03-10",
  file: "mariupol-talks-2022-03-10.txt",
  title: "Ukraine and Russia foreign ministers fail to reach ceasefire as Mariupol is bombed",
  language: "en",
};

export const DEMO_CLAIMANTS = [
  { key: "kuleba", name: "Dmytro Kuleba", description: "Foreign minister of Ukraine", kind: "person" },
  { key: "lavrov", name: "Sergei Lavrov", description: "Foreign minister of Russia", kind: "person" },
  { key: "zelensky", name: "Volodymyr Zelensky", description: "President of Ukraine", kind: "person" },
  {
    key: "council",
    name: "Mariupol city council",
    description: "Local government of Mariupol, Ukraine",
    kind: "organization",
  },
] as const;

type ClaimantKey = (typeof DEMO_CLAIMANTS)[number]["key"];

/** `after` disambiguates a quote that occurs more than once: the text right before it. */
export const DEMO_CLAIMS: {
  key: string;
  claimant: ClaimantKey;
  quote: string;
  after?: string;
  statement: string;
  claimedAt: string;
  account?: string;
}[] = [
  {
    key: "not-civilians",
    claimant: "lavrov",
    quote: "those killed were not civilians",
    statement: "Those killed in the Mariupol maternity hospital strike were not civilians.",
    claimedAt: "2022-03-10",
    account: "Russian account: no civilians killed",
  },
  {
    key: "fighters-base",
    claimant: "lavrov",
    quote:
      "patients and nurses had been moved out of the hospital which was instead a base for Ukrainian far-right radical fighters",
    statement:
      "The Mariupol maternity hospital had been emptied of patients and nurses and was a base for far-right fighters.",
    claimedAt: "2022-03-10",
    account: "Russian account: a military base",
  },
  {
    key: "atrocity",
    claimant: "zelensky",
    quote: "called Wednesday’s blast an “atrocity” and part of the Kremlin’s “genocide.”",
    statement: "The strike on the Mariupol maternity hospital was an atrocity and part of a genocide by the Kremlin.",
    claimedAt: "2022-03-09",
    account: "Ukrainian account: an atrocity",
  },
  {
    key: "casualties",
    claimant: "council",
    quote:
      "the devastating blast destroyed a maternity hospital, killing three, including a 6-year-old girl, and injuring 17 others",
    statement:
      "The strike destroyed the Mariupol maternity hospital, killing three people including a 6-year-old girl and injuring 17.",
    claimedAt: "2022-03-10",
    account: "Local council account: three killed, 17 injured",
  },
  {
    key: "putin-meeting",
    claimant: "lavrov",
    quote: "Putin would be open to meeting Zelesnky",
    statement: "Vladimir Putin would be open to meeting Volodymyr Zelensky.",
    claimedAt: "2022-03-10",
  },
  {
    key: "west-arming",
    claimant: "lavrov",
    quote: "for intensifying the conflict by arming its neighbor",
    statement: "The West is intensifying the conflict by arming Ukraine.",
    claimedAt: "2022-03-10",
  },
  {
    key: "no-ceasefire",
    claimant: "kuleba",
    quote: "failed to get a promise of a ceasefire",
    statement: "Russia would not promise a ceasefire so that aid could reach civilians.",
    claimedAt: "2022-03-10",
  },
  {
    key: "time-to-negotiate",
    claimant: "zelensky",
    quote: "He will [negotiate]. We need some time.",
    statement: "Vladimir Putin will negotiate, given time.",
    claimedAt: "2022-03-09",
  },
];

export const DEMO_DISPUTE = {
  slug: "mariupol-maternity-hospital-strike",
  question: "Was the Mariupol maternity hospital a civilian site when it was struck on 9 March 2022?",
  description:
    "Russia's foreign minister says the hospital had been emptied and was used by fighters, and that those killed were not civilians; Ukraine's president and Mariupol's council describe a strike on a working maternity hospital that killed three people, among them a child.",
  eventDate: "2022-03-09",
};

export const DEMO_EVIDENCE: {
  key: string;
  url: string;
  title: string;
  publisher: string;
  publishedAt: string;
  sourceType: SourceType;
  excerpt: string;
  links: { claim: string; stance: Stance }[];
}[] = [
  {
    key: "osce",
    url: "https://www.osce.org/odihr/515868",
    title:
      "Report on violations of international humanitarian and human rights law, war crimes and crimes against humanity committed in Ukraine since 24 February 2022",
    publisher: "OSCE Office for Democratic Institutions and Human Rights (Moscow Mechanism)",
    publishedAt: "2022-04-13",
    sourceType: "document",
    excerpt:
      "The mission found that the hospital was operating as a maternity hospital at the time of the attack and that the attack was carried out by Russia.",
    links: [
      { claim: "not-civilians", stance: "refutes" },
      { claim: "fighters-base", stance: "refutes" },
      { claim: "casualties", stance: "supports" },
      { claim: "atrocity", stance: "context" },
    ],
  },
  {
    key: "frontline",
    url: "https://www.pbs.org/wgbh/frontline/documentary/20-days-in-mariupol/",
    title: "20 Days in Mariupol",
    publisher: "AP and FRONTLINE (PBS)",
    publishedAt: "2023-07-21",
    sourceType: "photo_video",
    excerpt:
      "Footage filmed at the maternity hospital minutes after the strike shows pregnant women being evacuated from the damaged building.",
    links: [
      { claim: "fighters-base", stance: "refutes" },
      { claim: "casualties", stance: "supports" },
    ],
  },
  {
    key: "wikipedia",
    url: "https://en.wikipedia.org/wiki/Mariupol_hospital_airstrike",
    title: "Mariupol hospital airstrike",
    publisher: "Wikipedia",
    publishedAt: "2022-03-09",
    sourceType: "other",
    excerpt:
      "An overview of the strike, the casualty figures and the competing official accounts, with links to primary sources.",
    links: [
      { claim: "not-civilians", stance: "context" },
      { claim: "casualties", stance: "context" },
    ],
  },
];

const NOT_CIVILIANS_RATIONALE = `Lavrov said on 10 March 2022 that those killed in the strike on Mariupol's maternity hospital "were not civilians".

The evidence says otherwise. The city council reported three dead, among them a **6-year-old girl**, and 17 injured. Footage filmed by AP journalists at the scene minutes after the strike shows heavily pregnant women being carried out of the damaged building. The OSCE's Moscow Mechanism mission later found that the building was operating as a maternity hospital when it was hit.

No evidence has been published that the dead were combatants. A child cannot be described as a combatant. We rate the statement **False**.`;

const FIGHTERS_BASE_RATIONALE = `Lavrov said patients and nurses had been moved out and the hospital was "a base for Ukrainian far-right radical fighters".

Images from inside and outside the hospital on 9 March show patients and staff being evacuated after the strike, which contradicts the claim that the building had been emptied. The OSCE mission found that the hospital was functioning as a hospital. No evidence of military use has been produced.`;

const CASUALTIES_RATIONALE = `The council's figures of three dead, including a girl, and 17 injured match those reported by Ukrainian officials the next day.

Draft: still waiting for a second independent source for the number of injured.`;

export const DEMO_VERDICTS: {
  claim: string;
  state: VerdictState;
  rating: (typeof DEFAULT_RATINGS)[number]["key"];
  author: string;
  reviewer?: string;
  summary: string;
  rationale: string;
}[] = [
  {
    claim: "not-civilians",
    state: "published",
    rating: "false",
    author: "editor@claimdesk.test",
    reviewer: "reviewer@claimdesk.test",
    summary: "Three civilians, including a 6-year-old girl, were killed; no evidence shows the dead were combatants.",
    rationale: NOT_CIVILIANS_RATIONALE,
  },
  {
    claim: "fighters-base",
    state: "in_review",
    rating: "false",
    author: "contributor@claimdesk.test",
    summary:
      "The hospital was working as a maternity hospital when it was struck; no sign of military use has been shown.",
    rationale: FIGHTERS_BASE_RATIONALE,
  },
  {
    claim: "casualties",
    state: "draft",
    rating: "true",
    author: "editor@claimdesk.test",
    summary: "Three people, including a 6-year-old girl, were killed and 17 injured.",
    rationale: CASUALTIES_RATIONALE,
  },
];
