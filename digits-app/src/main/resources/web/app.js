// digits: the drawing page. Draw on #pad; after a short pause the drawing (or an uploaded file)
// goes to the API and the answer is shown. #prediction carries data-state="pending" while an
// answer is on its way and "ready" once the answer for the current drawing is on screen.
// Screen readers hear #announcement, set only with answers to a finished stroke.
'use strict';

const DEBOUNCE_MS = 150;
const $ = (id) => document.getElementById(id);
const pad = $('pad');
const ink = pad.getContext('2d');
const boxes = $('boxes').getContext('2d');
const prediction = $('prediction');

const state = {
  strokes: [],        // {width, erase, points: [[x, y], ...]}, in pad pixels
  current: null,
  upload: null,       // {file, bitmap, scale, dx, dy}: an uploaded image shown on the pad
  past: [],           // earlier pads ({strokes, upload}) for Undo; Redo takes from future
  future: [],
  erasing: false,
  answer: null,       // the last answer shown, with the request that gave it: {mode, body, json}
  feedback: false,    // whether the server keeps corrections
  timer: null,
  sequence: 0,        // the drawing's version, counted by changed(): answers to older versions are dropped
  reading: null,
  selected: 0,
  classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], // the model card's names (Fashion-MNIST: T-shirt/top, ...)
};

function className(index) {
  return state.classes[index] ?? String(index);
}

// ---- drawing -------------------------------------------------------------------------------

function strokeWidth() {
  return Number($('stroke-width').value);
}

function padPoint(event) {
  const r = pad.getBoundingClientRect();
  return [(event.clientX - r.left) * pad.width / r.width, (event.clientY - r.top) * pad.height / r.height];
}

function paint(stroke) {
  // The pad is white ink on black: erasing paints black.
  const colour = stroke.erase ? '#000' : '#fff';
  ink.strokeStyle = colour;
  ink.fillStyle = colour;
  ink.lineWidth = stroke.width;
  ink.lineCap = 'round';
  ink.lineJoin = 'round';
  const [x0, y0] = stroke.points[0];
  if (stroke.points.length === 1) {
    ink.beginPath();
    ink.arc(x0, y0, stroke.width / 2, 0, 2 * Math.PI);
    ink.fill();
    return;
  }
  ink.beginPath();
  ink.moveTo(x0, y0);
  for (const [x, y] of stroke.points.slice(1)) ink.lineTo(x, y);
  ink.stroke();
}

function redraw() {
  ink.fillStyle = '#000';
  ink.fillRect(0, 0, pad.width, pad.height);
  if (state.upload) {
    const u = state.upload;
    ink.drawImage(u.bitmap, u.dx, u.dy, u.bitmap.width * u.scale, u.bitmap.height * u.scale);
  }
  state.strokes.forEach(paint);
}

pad.addEventListener('pointerdown', (event) => {
  if (event.pointerType === 'mouse' && event.button !== 0) return;
  event.preventDefault();
  pad.setPointerCapture(event.pointerId);
  remember();
  state.current = { width: strokeWidth(), erase: state.erasing, points: [padPoint(event)] };
  state.strokes.push(state.current);
  paint(state.current);
  changed();
});

pad.addEventListener('pointermove', (event) => {
  if (!state.current) return;
  const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [event];
  for (const e of (events.length ? events : [event])) state.current.points.push(padPoint(e));
  redraw();
  changed();
});

for (const type of ['pointerup', 'pointercancel']) {
  pad.addEventListener(type, () => {
    if (!state.current) return;
    state.current = null;
    changed();
  });
}

// Every change to the pad (a stroke, a clear, an upload) can be undone and redone.
function snapshot() {
  return { strokes: state.strokes.slice(), upload: state.upload };
}

function remember() {
  state.past.push(snapshot());
  state.future = [];
}

function restore(pad) {
  state.strokes = pad.strokes;
  state.upload = pad.upload;
  redraw();
  changed();
}

function undo() {
  if (!state.past.length) return;
  state.future.push(snapshot());
  restore(state.past.pop());
}

function redo() {
  if (!state.future.length) return;
  state.past.push(snapshot());
  restore(state.future.pop());
}

function clearPad() {
  if (isEmpty()) return;
  remember();
  state.strokes = [];
  state.upload = null;
  redraw();
  changed();
}

function toggleEraser() {
  state.erasing = !state.erasing;
  $('eraser').setAttribute('aria-pressed', String(state.erasing));
}

$('undo').addEventListener('click', undo);
$('redo').addEventListener('click', redo);
$('eraser').addEventListener('click', toggleEraser);
$('clear').addEventListener('click', clearPad);
$('stroke-width').addEventListener('input', () => { $('stroke-width-value').value = strokeWidth(); });
$('mode').addEventListener('change', changed);
document.addEventListener('keydown', (event) => {
  if (['INPUT', 'SELECT', 'TEXTAREA'].includes(event.target.tagName)) return;
  const command = event.ctrlKey || event.metaKey;
  if (command && event.key.toLowerCase() === 'z' && !event.shiftKey) { event.preventDefault(); undo(); }
  if (command && (event.key.toLowerCase() === 'y' || (event.key.toLowerCase() === 'z' && event.shiftKey))) {
    event.preventDefault();
    redo();
  }
  if (!command && event.key.toLowerCase() === 'e' && event.target.tagName !== 'BUTTON') toggleEraser();
  if (event.key === 'Escape') clearPad();
});

// ---- theme ------------------------------------------------------------------------------------

function showTheme() {
  const dark = document.documentElement.dataset.theme === 'dark';
  $('theme').setAttribute('aria-pressed', String(dark));
}

$('theme').addEventListener('click', () => {
  const theme = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
  document.documentElement.dataset.theme = theme;
  localStorage.setItem('digits-theme', theme);
  showTheme();
});

// ---- upload (button and drag and drop) -------------------------------------------------------

async function showUpload(file) {
  if (!file) return;
  let bitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch (e) {
    bitmap = null; // a format the browser cannot show (TIFF); the server may still read it
  }
  const scale = bitmap ? Math.min(pad.width / bitmap.width, pad.height / bitmap.height) : 1;
  remember();
  state.strokes = [];
  state.upload = bitmap
    ? { file, bitmap, scale, dx: (pad.width - bitmap.width * scale) / 2, dy: (pad.height - bitmap.height * scale) / 2 }
    : { file, bitmap: null, scale: 1, dx: 0, dy: 0 };
  if (bitmap) redraw();
  changed();
}

$('upload').addEventListener('change', (event) => showUpload(event.target.files[0]));
$('upload-button').addEventListener('click', () => $('upload').click());

// An example loads as an upload would, in the mode it needs.
document.querySelectorAll('#examples button').forEach((button) => {
  button.addEventListener('click', async () => {
    const response = await fetch(button.dataset.src);
    const blob = await response.blob();
    const name = button.dataset.src.split('/').pop();
    $('mode').value = button.dataset.mode;
    showUpload(new File([blob], name, { type: blob.type }));
  });
});
const drop = $('drop-zone');
drop.addEventListener('dragover', (event) => { event.preventDefault(); drop.classList.add('dragging'); });
drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('dragging');
  showUpload(event.dataTransfer.files[0]);
});

// ---- asking the API --------------------------------------------------------------------------

function changed() {
  // An answer still on its way is for the drawing as it was: drop it, or it would show as
  // "ready" for a drawing that has changed since (say, cleared before the answer came).
  state.sequence++;
  prediction.dataset.state = 'pending';
  clearTimeout(state.timer);
  state.timer = setTimeout(recognize, DEBOUNCE_MS);
}

function isEmpty() {
  return state.strokes.length === 0 && !state.upload;
}

function body() {
  // An untouched upload goes as the original file; anything drawn goes as the pad's PNG.
  if (state.upload && state.strokes.length === 0) return Promise.resolve(state.upload.file);
  return new Promise((resolve) => pad.toBlob(resolve, 'image/png'));
}

async function recognize() {
  const sequence = state.sequence;
  const mode = $('mode').value;
  if (isEmpty()) return showEmpty('Draw a digit to start');
  const blob = await body();
  let response, answer;
  try {
    response = await fetch(withModel(mode === 'number' ? '/api/v1/read' : '/api/v1/predict'), {
      method: 'POST',
      headers: { 'Content-Type': blob.type || 'application/octet-stream' },
      body: blob,
    });
    answer = await response.json();
  } catch (e) {
    answer = { error: 'no answer', detail: String(e) };
  }
  if (sequence !== state.sequence) return; // the drawing changed meanwhile
  if (!response || !response.ok) {
    return showEmpty(response && response.status === 422 ? 'No digit found: draw something' : (answer.detail || answer.error));
  }
  state.answer = { mode, body: blob, json: answer };
  if (mode === 'number') showReading(answer); else showPrediction(answer);
  showShare(true);
}

// ---- showing answers -------------------------------------------------------------------------

function percent(p) {
  return (100 * p).toFixed(1) + '%';
}

// Only answers to a finished stroke are announced: while a stroke goes on, answers change every moment.
function announce(text) {
  if (!state.current) $('announcement').textContent = text;
}

function showEmpty(message) {
  state.answer = null;
  showShare(false);
  announce(isEmpty() ? 'The pad is empty' : message);
  $('answer').textContent = '?';
  $('answer').classList.remove('long', 'name');
  $('confidence').textContent = message;
  prediction.dataset.digit = '';
  prediction.dataset.text = '';
  prediction.dataset.confidence = '';
  delete prediction.dataset.sure;
  showBars(new Array(10).fill(0));
  showSeen($('seen'), null);
  $('seen-digits').replaceChildren();
  boxes.clearRect(0, 0, pad.width, pad.height);
  prediction.dataset.state = 'ready';
}

function showPrediction(p) {
  $('answer').textContent = className(p.digit);
  $('answer').classList.toggle('long', className(p.digit).length > 2);
  $('answer').classList.toggle('name', className(p.digit).length > 6);
  $('confidence').textContent = p.sure
    ? percent(p.confidence) + ' sure'
    : 'Unsure, perhaps ' + className(p.digit) + ': ' + p.unsure_because;
  prediction.dataset.sure = p.sure;
  announce((p.sure ? 'The reader says ' : 'The reader is unsure: perhaps ') + className(p.digit) + ', '
    + percent(p.confidence) + (p.sure ? ' sure' : ''));
  prediction.dataset.digit = p.digit;
  delete prediction.dataset.text;
  prediction.dataset.confidence = p.confidence;
  showBars(p.probabilities);
  showSeen($('seen'), p.preprocessed);
  $('seen-digits').replaceChildren();
  boxes.clearRect(0, 0, pad.width, pad.height);
  prediction.dataset.state = 'ready';
}

function showReading(reading) {
  state.reading = reading;
  state.selected = 0;
  const weakest = Math.min(...reading.digits.map((d) => d.confidence));
  $('answer').textContent = reading.text;
  $('answer').classList.toggle('long', reading.text.length > 2);
  $('answer').classList.remove('name');
  const unsure = reading.digits.filter((d) => !d.sure).length;
  $('confidence').textContent = reading.digits.length + ' digits, the least sure at ' + percent(weakest)
    + (unsure ? ' (' + unsure + ' unsure)' : '');
  prediction.dataset.sure = unsure === 0;
  announce('The reader says ' + reading.text.split('').join(' ') + (unsure ? ', ' + unsure + ' digits unsure' : ''));
  prediction.dataset.text = reading.text;
  delete prediction.dataset.digit;
  prediction.dataset.confidence = weakest;
  drawBoxes(reading);
  showSelectedDigit();
  prediction.dataset.state = 'ready';
}

function showSelectedDigit() {
  const digits = state.reading.digits;
  showBars(digits[state.selected].probabilities);
  showSeen($('seen'), digits[state.selected].preprocessed);
  const thumbs = digits.map((d, i) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'seen-digit';
    button.setAttribute('aria-pressed', String(i === state.selected));
    button.setAttribute('aria-label', 'digit ' + (i + 1) + ': ' + className(d.digit));
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 28;
    button.append(canvas, document.createTextNode(className(d.digit)));
    button.addEventListener('click', () => { state.selected = i; showSelectedDigit(); });
    return button;
  });
  $('seen-digits').replaceChildren(...thumbs);
  thumbs.forEach((thumb, i) => showSeen(thumb.querySelector('canvas'), digits[i].preprocessed));
}

function toPad(box) {
  const u = state.upload && state.strokes.length === 0 ? state.upload : { scale: 1, dx: 0, dy: 0 };
  return { x: u.dx + box.x * u.scale, y: u.dy + box.y * u.scale, w: box.width * u.scale, h: box.height * u.scale };
}

function drawBoxes(reading) {
  boxes.clearRect(0, 0, pad.width, pad.height);
  boxes.lineWidth = 3;
  boxes.font = 'bold 22px "DejaVu Sans Mono", monospace';
  reading.digits.forEach((d) => {
    const b = toPad(d.box);
    boxes.strokeStyle = '#818cf8';
    boxes.strokeRect(b.x, b.y, b.w, b.h);
    boxes.fillStyle = '#4338ca';
    boxes.fillRect(b.x, Math.max(0, b.y - 26), 26, 26);
    boxes.fillStyle = '#fff';
    boxes.fillText(className(d.digit), b.x + 6, Math.max(20, b.y - 6));
  });
}

function showBars(probabilities) {
  const best = probabilities.indexOf(Math.max(...probabilities));
  document.querySelectorAll('#probabilities .bar').forEach((bar, digit) => {
    const p = probabilities[digit];
    bar.dataset.probability = p;
    bar.classList.toggle('top', p > 0 && digit === best);
    bar.querySelector('.fill').style.width = (100 * p).toFixed(2) + '%';
    bar.querySelector('.value').textContent = percent(p);
    bar.setAttribute('aria-label', className(digit) + ': ' + percent(p));
  });
}

function showSeen(canvas, pixels) {
  const c = canvas.getContext('2d');
  const image = c.createImageData(28, 28);
  for (let i = 0; i < 784; i++) {
    const v = pixels ? Math.round(255 * pixels[i]) : 0;
    image.data.set([v, v, v, 255], 4 * i);
  }
  c.putImageData(image, 0, 0);
}

function buildBars() {
  const rows = [];
  for (let digit = 0; digit < state.classes.length; digit++) {
    const row = document.createElement('div');
    row.className = 'bar';
    row.setAttribute('role', 'listitem');
    row.dataset.digit = digit;
    row.dataset.probability = 0;
    row.innerHTML = '<span class="label"></span><div class="track"><div class="fill"></div></div><span class="value">0.0%</span>';
    row.querySelector('.label').textContent = className(digit);
    rows.push(row);
  }
  $('probabilities').classList.toggle('named', state.classes.some((name) => name.length > 1));
  $('probabilities').replaceChildren(...rows);
}

// The API path for the chosen model (none chosen: the server's default).
function withModel(path) {
  const model = $('model-field').hidden ? '' : $('model').value;
  return model ? path + '?model=' + encodeURIComponent(model) : path;
}

async function showModels() {
  try {
    const list = await (await fetch('/api/v1/models')).json();
    state.feedback = list.feedback;
    const options = list.models.map((m) => {
      const option = document.createElement('option');
      option.value = m.name;
      option.textContent = m.name;
      option.selected = m.default;
      return option;
    });
    $('model').replaceChildren(...options);
    $('model-field').hidden = list.models.length < 2;
  } catch (e) {
    $('model-field').hidden = true;
  }
  await showModel();
}

$('model').addEventListener('change', async () => {
  await showModel();
  changed();
});

async function showModel() {
  try {
    const model = await (await fetch(withModel('/api/v1/model'))).json();
    const card = model.card;
    state.classes = Array.isArray(card.classes) && card.classes.length === 10
      ? card.classes
      : ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
    buildBars();
    showBars(new Array(10).fill(0));
    $('model-name').textContent = card.name;
    $('model-architecture').textContent = card.architecture;
    $('model-parameters').textContent = Number(card.parameters).toLocaleString('en') + ' parameters';
    const accuracy = card.metrics && card.metrics.test_accuracy;
    const dataset = card.dataset === 'fashion' ? 'Fashion-MNIST' : 'MNIST';
    $('model-accuracy').textContent = accuracy ? dataset + ' test accuracy ' + percent(accuracy).replace('.0%', '%') : '';
    $('report-link').hidden = !model.report;
    if (model.report) $('report-link').href = model.report;
  } catch (e) {
    $('model-name').textContent = 'unavailable';
  }
}

// ---- sharing ----------------------------------------------------------------------------------

function showShare(enabled) {
  for (const id of ['download-png', 'download-json', 'copy-curl', 'feedback-send']) $(id).disabled = !enabled;
  if (!enabled) $('curl').hidden = true;
  $('feedback').hidden = !(enabled && state.feedback);
  $('feedback-status').textContent = '';
}

// A correction goes to the server with the same image the answer was for.
$('feedback').addEventListener('submit', async (event) => {
  event.preventDefault();
  const label = $('feedback-label').value.trim();
  if (!state.answer || !/^[0-9]{1,20}$/.test(label)) {
    $('feedback-status').textContent = 'Type the digit (or number) the drawing shows';
    return;
  }
  const url = withModel('/api/v1/feedback');
  const response = await fetch(url + (url.includes('?') ? '&' : '?') + 'label=' + label, {
    method: 'POST',
    headers: { 'Content-Type': state.answer.body.type || 'application/octet-stream' },
    body: state.answer.body,
  });
  const answer = await response.json();
  $('feedback-status').textContent = response.ok ? 'Thank you: kept as ' + answer.saved : (answer.detail || answer.error);
  $('announcement').textContent = $('feedback-status').textContent;
});

function answerText() {
  const a = state.answer.json;
  return state.answer.mode === 'number' ? a.text : className(a.digit);
}

function download(blob, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}

// The drawing with its answer written under it.
$('download-png').addEventListener('click', () => {
  const sheet = document.createElement('canvas');
  sheet.width = pad.width;
  sheet.height = pad.height + 48;
  const c = sheet.getContext('2d');
  c.drawImage(pad, 0, 0);
  c.fillStyle = '#fff';
  c.fillRect(0, pad.height, sheet.width, 48);
  c.fillStyle = '#000';
  c.font = 'bold 24px "DejaVu Sans", sans-serif';
  c.fillText('digits reads: ' + answerText() + '   ' + $('confidence').textContent, 10, pad.height + 32, sheet.width - 20);
  sheet.toBlob((blob) => download(blob, 'digits-' + answerText() + '.png'), 'image/png');
});

$('download-json').addEventListener('click', () => {
  const json = JSON.stringify(state.answer.json, null, 2);
  download(new Blob([json], { type: 'application/json' }), 'digits-' + answerText() + '.json');
});

function dataUrl(blob) {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.readAsDataURL(blob);
  });
}

// The same request from a shell: the image travels inside the JSON body as a data URL.
$('copy-curl').addEventListener('click', async () => {
  const body = JSON.stringify({ image: await dataUrl(state.answer.body) });
  const path = withModel(state.answer.mode === 'number' ? '/api/v1/read' : '/api/v1/predict');
  const command = "curl -H 'Content-Type: application/json' --data '" + body + "' '" + location.origin + path + "'";
  $('curl').textContent = command;
  $('curl').hidden = false;
  try {
    await navigator.clipboard.writeText(command);
    $('announcement').textContent = 'The curl command is copied';
  } catch (e) {
    $('announcement').textContent = 'The curl command is shown below the answer';
  }
});

buildBars();
showTheme();
redraw();
showEmpty('Draw a digit to start');
$('announcement').textContent = ''; // nothing to say before anything is drawn
showModels();
