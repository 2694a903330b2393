// newslab Annotator front end (anywidget ESM, no build step, no imports, no network).
//
// The view owns no annotation state. It draws the synced traits (text, labels, colors,
// spans, message, can_undo) and sends requests to the kernel, which checks them, saves
// them and updates `spans` and `message`:
//   {type: "add", start, end, label}   {type: "relabel", start, end, label}
//   {type: "delete", start, end}       {type: "undo"}
// Article text is only ever written with textContent, never as HTML.

const PREFIX = "newslab-annotator";

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// Widen a selection to whole tokens (the kernel snaps the same way); null if no token.
export function snap(tokens, start, end) {
  let first = null;
  let last = null;
  for (const [a, b] of tokens) {
    if (first === null && b > start) first = a;
    if (a < end) last = b;
  }
  if (first === null || last === null || first >= last) return null;
  return { start: first, end: last };
}

// Character offset of a DOM point inside the text container, from data-offset pieces.
function offsetOf(container, node, offset) {
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = node.parentElement && node.parentElement.closest("[data-offset]");
    return piece && container.contains(piece) ? Number(piece.dataset.offset) + offset : null;
  }
  const child = node.childNodes[offset];
  if (child) {
    if (child.nodeType !== Node.ELEMENT_NODE) return offsetOf(container, child, 0);
    const found = child.matches("[data-offset]") ? child : child.querySelector("[data-offset]");
    return found ? Number(found.dataset.offset) : null;
  }
  const inside = node.nodeType === Node.ELEMENT_NODE ? node.querySelectorAll("[data-offset]") : [];
  const last = inside[inside.length - 1];
  return last ? Number(last.dataset.offset) + last.textContent.length : null;
}

function piece(text, start, end) {
  const node = element("span", `${PREFIX}-piece`, text.slice(start, end));
  node.dataset.offset = String(start);
  return node;
}

function render({ model, el }) {
  const root = element("div", PREFIX);
  root.tabIndex = 0;
  root.setAttribute("role", "application");
  root.setAttribute("aria-label", "Entity annotator");
  // JupyterLab skips its command shortcuts (1-6, z, d d ...) inside this element
  root.setAttribute("data-lm-suppress-shortcuts", "true");

  const toolbar = element("div", `${PREFIX}-toolbar`);
  const labelRow = element("div", `${PREFIX}-labels`);
  const undo = element("button", `${PREFIX}-undo`, "Undo");
  undo.type = "button";
  undo.title = "Undo the last change (Ctrl+Z)";
  const remove = element("button", `${PREFIX}-delete`, "Delete span");
  remove.type = "button";
  remove.title = "Delete the selected span (Delete or Backspace)";
  // the lite edition keeps files in the browser: this saves a copy on the student's own disk
  const download = element("button", `${PREFIX}-download`, "Download my annotations");
  download.type = "button";
  download.title = "Save your annotations as a JSONL file on your computer";
  toolbar.append(labelRow, remove, undo, download);
  const status = element("div", `${PREFIX}-selection`);
  const message = element("div", `${PREFIX}-message`);
  message.setAttribute("aria-live", "polite");
  const textBox = element("div", `${PREFIX}-text`);
  root.append(toolbar, status, message, textBox);
  el.append(root);

  let pending = null; // a snapped text selection waiting for a label
  let chosen = null; // an existing span, clicked to relabel or delete it

  function describe() {
    const text = model.get("text");
    if (chosen) {
      status.textContent = `Span “${text.slice(chosen.start, chosen.end)}” (${chosen.label}): ` +
        "press a label to change it, Delete to remove it, Esc to let go.";
    } else if (pending) {
      status.textContent = `Selected “${text.slice(pending.start, pending.end)}”: press a label (number key or button).`;
    } else {
      status.textContent = "Select words with the mouse, then press a label. Click a span to change it.";
    }
    root.classList.toggle("is-choosing", Boolean(chosen));
    remove.disabled = !chosen;
    for (const node of textBox.querySelectorAll(`.${PREFIX}-span`)) {
      const on = chosen && Number(node.dataset.start) === chosen.start && Number(node.dataset.end) === chosen.end;
      node.classList.toggle("is-selected", Boolean(on));
    }
  }

  function drawLabels() {
    const colors = model.get("colors");
    labelRow.replaceChildren();
    model.get("labels").forEach((label, i) => {
      const button = element("button", `${PREFIX}-label`);
      button.type = "button";
      button.dataset.label = label;
      button.style.setProperty("--newslab-color", colors[label] || "#FFFFFF");
      if (i < 9) button.append(element("kbd", `${PREFIX}-key`, String(i + 1)));
      button.append(document.createTextNode(label));
      button.addEventListener("click", () => choose(label));
      labelRow.append(button);
    });
  }

  function drawText() {
    const text = model.get("text");
    const colors = model.get("colors");
    const spans = model.get("spans");
    const nodes = [];
    let at = 0;
    for (const span of spans) {
      if (span.start > at) nodes.push(piece(text, at, span.start));
      const mark = element("mark", `${PREFIX}-span`);
      mark.dataset.start = String(span.start);
      mark.dataset.end = String(span.end);
      mark.dataset.label = span.label;
      mark.style.setProperty("--newslab-color", colors[span.label] || "#FFFFFF");
      mark.title = `${span.label} (click to change or delete)`;
      mark.append(piece(text, span.start, span.end));
      nodes.push(mark);
      at = Math.max(at, span.end);
    }
    if (at < text.length) nodes.push(piece(text, at, text.length));
    textBox.replaceChildren(...nodes);
    if (chosen) {
      const still = spans.find((s) => s.start === chosen.start && s.end === chosen.end);
      chosen = still ? { ...still } : null;
    }
    describe();
  }

  function drawMessage() {
    message.textContent = model.get("message");
  }

  function drawUndo() {
    undo.disabled = !model.get("can_undo");
  }

  function send(request) {
    model.send(request);
  }

  function choose(label) {
    if (pending) {
      send({ type: "add", start: pending.start, end: pending.end, label });
      pending = null;
      const selection = window.getSelection();
      if (selection) selection.removeAllRanges();
    } else if (chosen) {
      send({ type: "relabel", start: chosen.start, end: chosen.end, label });
    } else {
      message.textContent = "Select some words first, then choose a label.";
    }
    describe();
    root.focus({ preventScroll: true });
  }

  function readSelection() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!textBox.contains(range.commonAncestorContainer)) return null;
    const start = offsetOf(textBox, range.startContainer, range.startOffset);
    const end = offsetOf(textBox, range.endContainer, range.endOffset);
    if (start === null || end === null) return null;
    return snap(model.get("tokens"), start, end);
  }

  function onMouseUp(event) {
    const selected = readSelection();
    if (selected) {
      pending = selected;
      chosen = null;
    } else {
      const mark = event.target.closest && event.target.closest(`.${PREFIX}-span`);
      pending = null;
      chosen = mark && textBox.contains(mark)
        ? { start: Number(mark.dataset.start), end: Number(mark.dataset.end), label: mark.dataset.label }
        : null;
    }
    describe();
    root.focus({ preventScroll: true });
  }

  function onKeyDown(event) {
    const labels = model.get("labels");
    let handled = true;
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "z") {
      send({ type: "undo" });
    } else if (!event.ctrlKey && !event.metaKey && !event.altKey && /^[1-9]$/.test(event.key)) {
      const label = labels[Number(event.key) - 1];
      if (label) choose(label);
    } else if ((event.key === "Delete" || event.key === "Backspace") && chosen) {
      send({ type: "delete", start: chosen.start, end: chosen.end });
      chosen = null;
      describe();
    } else if (event.key === "Escape") {
      pending = null;
      chosen = null;
      describe();
    } else {
      handled = false;
    }
    if (handled) event.preventDefault();
    // keep our keys and plain letters (notebook command-mode shortcuts) away from JupyterLab
    const plain = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (handled || plain) event.stopPropagation();
  }

  function onDownload() {
    const record = { text: model.get("text"), spans: model.get("spans"),
                     meta: { annotator: "newslab", labels: model.get("labels") } };
    const blob = new Blob([JSON.stringify(record) + "\n"], { type: "application/jsonl" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = model.get("download_name");
    link.click();
    URL.revokeObjectURL(link.href);
  }

  function onUndo() {
    send({ type: "undo" });
    root.focus({ preventScroll: true });
  }

  function onDelete() {
    if (chosen) send({ type: "delete", start: chosen.start, end: chosen.end });
    chosen = null;
    describe();
    root.focus({ preventScroll: true });
  }

  function onColors() {
    drawLabels();
    drawText();
  }

  textBox.addEventListener("mouseup", onMouseUp);
  root.addEventListener("keydown", onKeyDown);
  undo.addEventListener("click", onUndo);
  download.addEventListener("click", onDownload);
  remove.addEventListener("click", onDelete);
  const handlers = {
    "change:spans": drawText,
    "change:text": drawText,
    "change:labels": drawLabels,
    "change:colors": onColors,
    "change:message": drawMessage,
    "change:can_undo": drawUndo,
  };
  for (const [event, handler] of Object.entries(handlers)) model.on(event, handler);

  drawLabels();
  drawText();
  drawMessage();
  drawUndo();

  return () => {
    for (const [event, handler] of Object.entries(handlers)) model.off(event, handler);
  };
}

export default { render };
