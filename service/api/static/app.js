// The editors' page: builds a /summarize request from the pasted or uploaded reports, shows
// the brief, and highlights a citation's source sentence in the report text that was sent.
// Report text only ever goes into textContent, never innerHTML, so it cannot inject markup.
"use strict";

const $ = (selector) => document.querySelector(selector);
const reportsBox = $("#reports");
const template = $("#report-template");
const statusLine = $("#status");
const briefBox = $("#brief");
const reportTexts = $("#report-texts");

// Reports as sent with the last request: citation offsets refer to exactly these texts.
let sent = new Map();
let pinned = null;

function addReport(fields = {}) {
  const card = template.content.firstElementChild.cloneNode(true);
  card.querySelector(".outlet").value = fields.outlet || "";
  card.querySelector(".url").value = fields.url || "";
  card.querySelector(".text").value = fields.text || "";
  card.querySelector(".remove").addEventListener("click", () => card.remove());
  reportsBox.append(card);
  return card;
}

// An uploaded HTML page becomes its readable text here, so offsets refer to what the page shows.
function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  doc.querySelectorAll("script, style, noscript, nav, header, footer, aside, form").forEach((el) => el.remove());
  const blocks = [...doc.querySelectorAll("h1, h2, h3, p, li, blockquote")]
    .map((el) => el.textContent.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  return { title: doc.title.trim(), text: blocks.length ? blocks.join("\n\n") : doc.body.textContent.trim() };
}

async function addFiles(files) {
  for (const file of files) {
    const content = await file.text();
    const isHtml = /\.html?$/i.test(file.name) || file.type === "text/html";
    const { title, text } = isHtml ? htmlToText(content) : { title: "", text: content };
    addReport({ outlet: title || file.name.replace(/\.[^.]+$/, ""), text });
  }
}

function slug(name, taken) {
  const base = (name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "report").slice(0, 60);
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function collectArticles() {
  const taken = new Set();
  const articles = [];
  reportsBox.querySelectorAll(".report").forEach((card, index) => {
    const text = card.querySelector(".text").value;
    if (!text.trim()) return;
    const outlet = card.querySelector(".outlet").value.trim();
    const url = card.querySelector(".url").value.trim();
    const article = { id: slug(outlet || `report ${index + 1}`, taken), text };
    if (outlet) article.outlet = outlet;
    if (url) article.url = url;
    articles.push(article);
  });
  return articles;
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

// Offsets count code points (Python's str), JavaScript strings count UTF-16 units.
function sliceCodePoints(text, start, end) {
  const points = Array.from(text);
  return [points.slice(0, start).join(""), points.slice(start, end).join(""), points.slice(end).join("")];
}

function showReports() {
  reportTexts.replaceChildren();
  for (const article of sent.values()) {
    const card = element("article", "report-text");
    card.dataset.article = article.id;
    card.append(element("h3", "", article.outlet || article.id), element("div", "body", article.text));
    reportTexts.append(card);
  }
  $("#brief-form").hidden = true;
  $("#reading").hidden = false;
}

function clearHighlight() {
  reportTexts.querySelectorAll(".report-text").forEach((card) => {
    card.querySelector(".body").textContent = sent.get(card.dataset.article).text;
  });
  briefBox.querySelectorAll(".cite.active").forEach((chip) => chip.classList.remove("active"));
}

function highlight(chip, scroll) {
  clearHighlight();
  const { article, start, end } = chip.dataset;
  const card = reportTexts.querySelector(`.report-text[data-article="${CSS.escape(article)}"]`);
  if (!card) return;
  const [before, cited, after] = sliceCodePoints(sent.get(article).text, Number(start), Number(end));
  const mark = element("mark", "cited", cited);
  card.querySelector(".body").replaceChildren(before, mark, after);
  chip.classList.add("active");
  if (scroll) mark.scrollIntoView({ block: "center", behavior: "smooth" });
}

function citationChip(citation, number, source) {
  const chip = element("button", "cite", `[${number}]`);
  chip.type = "button";
  chip.title = `${source.outlet || source.id}, sentence ${citation.sentence + 1}`;
  chip.dataset.article = citation.article_id;
  chip.dataset.start = citation.start;
  chip.dataset.end = citation.end;
  chip.addEventListener("mouseenter", () => highlight(chip, false));
  chip.addEventListener("focus", () => highlight(chip, false));
  chip.addEventListener("mouseleave", () => (pinned ? highlight(pinned, false) : clearHighlight()));
  chip.addEventListener("click", () => {
    pinned = chip;
    highlight(chip, true);
  });
  return chip;
}

function showBrief(brief) {
  const numbers = new Map(brief.sources.map((source, i) => [source.id, i + 1]));
  const sources = new Map(brief.sources.map((source) => [source.id, source]));
  const box = element("article", "brief");
  box.append(element("h2", "headline", brief.headline));
  const list = element("ol", "sentences");
  for (const sentence of brief.sentences) {
    const item = element("li", `sentence ${sentence.origin}`);
    item.append(element("span", "text", sentence.text), " ");
    if (sentence.speaker) item.append(element("span", "speaker", `— ${sentence.speaker}`), " ");
    for (const citation of sentence.citations) {
      item.append(citationChip(citation, numbers.get(citation.article_id), sources.get(citation.article_id)));
    }
    list.append(item);
  }
  box.append(list);
  if (brief.quote) {
    const quote = element("blockquote", "quote", `“${brief.quote.text}”`);
    if (brief.quote.speaker) quote.append(element("footer", "", brief.quote.speaker));
    box.append(quote);
  }
  for (const conflict of brief.conflicts) {
    const values = conflict.values.map((v) => `${v.value} (${v.article_ids.join(", ")})`).join(" vs ");
    box.append(element("p", "conflict", `Reports differ on ${conflict.about}: ${values}`));
  }
  const sourceList = element("ol", "sources");
  for (const source of brief.sources) {
    const item = element("li");
    const name = source.outlet || source.title || source.id;
    const safe = source.url && /^https?:\/\//i.test(source.url);
    const label = safe ? Object.assign(element("a", "", name), { href: source.url, rel: "noopener" }) : element("span", "", name);
    item.append(label);
    if (source.reprint_of) item.append(element("span", "reprint", ` (reprint of ${source.reprint_of})`));
    sourceList.append(item);
  }
  box.append(element("h3", "", "Sources"), sourceList);
  for (const warning of brief.warnings) box.append(element("p", "warning", warning));
  box.append(element("p", "method", `${brief.method} brief`));
  briefBox.append(box);
}

async function summarize(event) {
  event.preventDefault();
  const articles = collectArticles();
  if (!articles.length) {
    statusLine.textContent = "Paste or upload at least one report.";
    return;
  }
  const options = { method: $("#method").value };
  const sentences = Number($("#sentences").value);
  if (sentences) options.sentences = sentences;
  $("#submit").disabled = true;
  statusLine.textContent = "Summarizing…";
  briefBox.replaceChildren();
  try {
    const response = await fetch("/summarize", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ articles, options }),
    });
    const payload = await response.json();
    if (!response.ok) {
      const retry = response.headers.get("Retry-After");
      statusLine.textContent = `${payload.title}: ${payload.detail}` + (retry ? ` (try again in ${retry} s)` : "");
      return;
    }
    sent = new Map(articles.map((article) => [article.id, article]));
    pinned = null;
    showReports();
    payload.briefs.forEach(showBrief);
    statusLine.textContent = "";
  } catch (error) {
    statusLine.textContent = `The server could not be reached: ${error.message}`;
  } finally {
    $("#submit").disabled = false;
  }
}

$("#add-report").addEventListener("click", () => addReport());
$("#upload").addEventListener("change", async (event) => {
  await addFiles(event.target.files);
  event.target.value = "";
});
$("#edit").addEventListener("click", () => {
  $("#brief-form").hidden = false;
  $("#reading").hidden = true;
});
$("#brief-form").addEventListener("submit", summarize);
addReport();
addReport();
