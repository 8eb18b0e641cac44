// Progressive enhancement of the mock-exam page: a choice saves itself as it is made (已保存 per
// question), jumping or handing in waits for a save in flight, 交卷 asks first with the counts, and at
// time-out the page sends what it holds before posting the paper. Without script the same form posts
// and the server, which holds the deadline, does the rest.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('answer-form');
  if (!form) return;
  const token = form.querySelector('input[name="_csrf"]').value;
  const attemptId = form.getAttribute('data-attempt');
  const questionId = form.getAttribute('data-question');
  const number = Number(form.getAttribute('data-number'));
  const state = document.getElementById('save-state');
  const inputs = [...form.querySelectorAll('input[name="answer"]')];
  const cell = document.querySelector(`.sheet .cell[value="${number}"]`);
  let pending = null;
  let closed = false;

  const chosen = () => inputs.filter((input) => input.checked).map((input) => input.value);
  const show = (text, bad) => {
    state.textContent = text;
    state.classList.toggle('fail', Boolean(bad));
  };
  const refreshAnswered = () => {
    if (cell) cell.classList.toggle('answered', chosen().length > 0);
    const count = document.getElementById('answered-count');
    if (count) count.textContent = String(document.querySelectorAll('.sheet .cell.answered').length);
  };

  /** Saves the current choice; the latest choice wins because saves run one after another. */
  const save = () => {
    const answer = chosen();
    const previous = pending ?? Promise.resolve();
    show('保存中…');
    const request = previous.then(async () => {
      try {
        const response = await fetch(`/api/v1/attempts/${encodeURIComponent(attemptId)}/answers/${encodeURIComponent(questionId)}`, {
          method: 'PUT',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify({ answer }),
        });
        if (response.status === 409) {
          closed = true;
          show('考试已交卷或已超时，这个答案没有保存', true);
        } else if (!response.ok) show('未保存，请点“保存”重试', true);
        else if (request === pending) show(answer.length ? '已保存' : '已清除');
      } catch {
        show('网络中断，未保存：请点“保存”重试', true);
      }
    });
    pending = request;
    request.finally(() => {
      if (pending === request) pending = null;
    });
    refreshAnswered();
    return request;
  };
  for (const input of inputs) input.addEventListener('change', save);
  const flush = () => pending ?? Promise.resolve();

  // Any post of the form (save, next, a 答题卡 cell) waits for the save in flight, then goes as usual.
  form.addEventListener('submit', (event) => {
    if (!pending) return;
    event.preventDefault();
    const submitter = event.submitter;
    flush().then(() => (submitter ? form.requestSubmit(submitter) : form.requestSubmit()));
  });

  // 交卷: the summary of the attempt in a dialog, counts as they stand now.
  const dialog = document.getElementById('submit-dialog');
  const opener = document.getElementById('submit-open');
  if (dialog && opener && typeof dialog.showModal === 'function') {
    opener.addEventListener('click', (event) => {
      event.preventDefault();
      flush().then(() => {
        const total = document.querySelectorAll('.sheet .cell').length;
        const answered = document.querySelectorAll('.sheet .cell.answered').length;
        dialog.querySelector('[data-count="answered"]').textContent = String(answered);
        dialog.querySelector('[data-count="unanswered"]').textContent = String(total - answered);
        dialog.querySelector('[data-count="marked"]').textContent = String(document.querySelectorAll('.sheet .cell.marked').length);
        dialog.showModal();
      });
    });
    document.getElementById('submit-cancel').addEventListener('click', () => dialog.close());
  }

  // The countdown. The server keeps the real deadline; here the page only sends what it holds in time.
  const timer = document.querySelector('.timer[data-remaining]');
  if (!timer) return;
  const shown = document.getElementById('countdown');
  const timeoutForm = document.getElementById(timer.getAttribute('data-timeout-form'));
  const end = Date.now() + Number(timer.getAttribute('data-remaining')) * 1000;
  // The page reads 剩余 <b>300</b> 秒 without script; with it, 剩余 <b>4分59</b> 秒.
  const format = (seconds) => `${Math.floor(seconds / 60)}分${String(seconds % 60).padStart(2, '0')}`;
  let interval = null;
  const tick = () => {
    const left = Math.max(0, Math.round((end - Date.now()) / 1000));
    shown.textContent = format(left);
    timer.classList.toggle('low', left < 300);
    if (left === 0) {
      clearInterval(interval);
      show(closed ? state.textContent : '时间到，正在交卷…');
      // The choice held here is sent first (a no-op when already saved), then the paper.
      (chosen().length && !closed ? save() : flush()).then(() => timeoutForm && timeoutForm.submit());
    }
  };
  interval = setInterval(tick, 1000);
  tick();
});
