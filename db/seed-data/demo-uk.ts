import type { ClaimantKind, Stance } from "@/db/enums";

/**
 * The demo's second article, in Ukrainian: a short report of the same strike (db/seed-data/…uk.txt, written for the
 * demo), with the Russian embassy's claim that the photographs were staged and a verdict written and published in
 * Ukrainian — so the demo shows content in two languages, and a public page whose content language differs from its
 * interface's.
 */
export const UK_DOCUMENT = {
  slug: "mariupol-photos-2022-03-11",
  file: "mariupol-photos-2022-03-11.uk.txt",
  title: "Маріуполь: російські дипломати назвали постановкою фото з розбомбленого пологового будинку",
  language: "uk",
};

export const UK_CLAIMANT = {
  name: "Посольство Росії у Великій Британії",
  description: "Дипломатичне представництво Російської Федерації в Лондоні",
  kind: "organization" as ClaimantKind,
};

export const UK_CLAIM = {
  quote: "ці знімки постановочні, а одна з поранених жінок — б’юті-блогерка, яка нібито «зіграла» обидві ролі",
  statement: "Фотографії поранених вагітних жінок із маріупольського пологового будинку постановочні.",
  claimedAt: "2022-03-10",
};

/** Evidence the first article's claims cite, linked to this claim too (found by address). */
export const UK_EVIDENCE_LINKS: { url: string; stance: Stance }[] = [
  { url: "https://www.osce.org/odihr/515868", stance: "refutes" },
];

/** Evidence of this claim's own. */
export const UK_EVIDENCE = {
  url: "https://en.wikipedia.org/wiki/Mariupol_hospital_airstrike#Russian_response",
  title: "Mariupol hospital airstrike: the Russian response",
  publisher: "Wikipedia",
  publishedAt: "2022-03-10",
  sourceType: "other" as const,
  excerpt: "Огляд реакції російських посадовців на удар, зокрема заяв посольства про нібито постановочні фото.",
  stance: "context" as Stance,
};

export const UK_VERDICT = {
  rating: "false",
  author: "editor@claimdesk.test",
  reviewer: "reviewer@claimdesk.test",
  language: "uk",
  summary: "Знімки зробив фотограф AP на місці удару; жінка на фото була пацієнткою й наступного дня народила доньку.",
  rationale: `Посольство Росії у Великій Британії 10 березня 2022 року заявило, що фотографії поранених вагітних жінок із маріупольського пологового будинку постановочні.

Це неправда. Знімки зробив фотограф Associated Press Євген Малолєтка, який був у Маріуполі під час облоги; відео, зняте журналістами AP на місці за кілька хвилин після удару, показує, як із будівлі виводять і виносять пацієнток. Жінка, яку посольство назвало «блогеркою», — **Маріанна Вишемирська** — була пацієнткою лікарні й наступного дня народила доньку. Місія ОБСЄ за Московським механізмом дійшла висновку, що будівля працювала як пологовий будинок.

Twitter видалив дописи посольства за порушення правил щодо заперечення насильницьких подій. Ми оцінюємо твердження як **неправдиве**.`,
};

/** The rating scale's words in Ukrainian, by rating key (the scale itself is written in English). */
export const UK_RATINGS: Record<string, { label: string; description: string }> = {
  true: { label: "Правда", description: "Твердження точне, і нічого суттєвого не пропущено." },
  "mostly-true": {
    label: "Переважно правда",
    description: "Твердження точне, але потребує уточнення або додаткової інформації.",
  },
  mixed: { label: "Напівправда", description: "Твердження частково точне, а частково ні." },
  misleading: {
    label: "Маніпуляція",
    description: "Твердження містить точні елементи, але створює хибне враження.",
  },
  "mostly-false": {
    label: "Переважно неправда",
    description: "Твердження містить частку правди, але оминає факти, які змінили б враження.",
  },
  false: { label: "Неправда", description: "Твердження не відповідає дійсності." },
  unverifiable: {
    label: "Неможливо перевірити",
    description: "Наявні докази не можуть ні підтвердити, ні спростувати твердження, або це прогноз чи думка.",
  },
};
