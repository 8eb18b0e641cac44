// Practice on one page: answer → instant feedback (key, explanation, citation, 收藏) → 下一题, over the
// same JSON API the pages use, without reloading. Without script the form posts and the server renders
// the feedback page instead.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('practice-form');
  if (!form) return;
  const field = (name) => form.querySelector(`input[name="${name}"]`);
  const token = field('_csrf').value;
  const feedback = document.getElementById('practice-feedback');
  const message = document.getElementById('practice-message');
  const options = document.getElementById('practice-options');
  const submit = document.getElementById('practice-submit');
  const favouriteForm = document.getElementById('favourite-form');
  const headers = { 'content-type': 'application/json', 'x-csrf-token': token };
  const typeLabels = { judgement: '判断题', single: '单选题', multiple: '多选题' };
  let busy = false;

  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const say = (text) => {
    message.textContent = text;
    message.hidden = !text;
  };
  const chosen = () => [...options.querySelectorAll('input[name="answer"]')].filter((input) => input.checked).map((input) => input.value);

  /** 收藏 from the feedback: the API's PUT/DELETE, the button tells the state. */
  const favouriteButton = (questionId, on) => {
    const button = element('button', 'link favourite', on ? '★ 取消收藏' : '☆ 收藏');
    button.type = 'button';
    button.addEventListener('click', async () => {
      const response = await fetch(`/api/v1/favourites/${encodeURIComponent(questionId)}`, { method: on ? 'DELETE' : 'PUT', credentials: 'same-origin', headers: { 'x-csrf-token': token } });
      if (response.ok) {
        on = !on;
        button.textContent = on ? '★ 取消收藏' : '☆ 收藏';
      }
    });
    return button;
  };

  const showFeedback = (result, favourite) => {
    for (const label of options.querySelectorAll('label.option')) {
      const input = label.querySelector('input');
      input.disabled = true;
      if (result.key.includes(input.value)) {
        label.classList.add('key');
        label.append(element('span', 'mark-right', ' ✔'));
      }
      if (input.checked && !result.key.includes(input.value)) label.classList.add('chosen');
    }
    submit.hidden = true;
    feedback.replaceChildren(
      element('h2', result.correct ? 'pass' : 'fail', result.correct ? '回答正确' : '回答错误'),
      element('p', '', `正确答案：${result.key.join('')}；你的答案：${result.answer.join('')}`),
      element('p', 'explain', result.explanation),
      element('p', 'cite', `依据：${result.citation}`),
    );
    const actions = element('p', 'actions');
    const next = element('button', '', '下一题');
    next.type = 'button';
    next.id = 'practice-next';
    next.addEventListener('click', loadNext);
    actions.append(next, favouriteButton(result.questionId, favourite));
    feedback.append(actions);
    feedback.hidden = false;
    if (favouriteForm) favouriteForm.hidden = true;
    next.focus();
  };

  const showQuestion = (step) => {
    if (!step.question) {
      form.replaceChildren(element('p', 'empty', '这里还没有题目。'));
      return;
    }
    const question = step.question;
    field('questionId').value = question.id;
    field('queue').value = step.queue;
    field('position').value = String(step.position);
    document.getElementById('practice-number').textContent = String(step.position + 1);
    document.getElementById('practice-total').textContent = String(step.total);
    document.getElementById('practice-type').textContent = `${typeLabels[question.type] ?? ''} · ${question.chapter.title}`;
    document.getElementById('practice-stem').textContent = question.stem;
    options.setAttribute('data-type', question.type);
    options.replaceChildren(
      ...question.options.map((option) => {
        const label = element('label', 'option');
        const input = element('input');
        input.type = question.type === 'multiple' ? 'checkbox' : 'radio';
        input.name = 'answer';
        input.value = option.key;
        const text = element('span');
        text.append(element('b', '', option.key), ` ${option.text}`);
        label.append(input, ' ', text);
        return label;
      }),
    );
    if (favouriteForm) {
      favouriteForm.querySelector('input[name="questionId"]').value = question.id;
      favouriteForm.querySelector('input[name="on"]').value = question.favourite ? '0' : '1';
      favouriteForm.querySelector('button').textContent = question.favourite ? '★ 取消收藏' : '☆ 收藏';
      favouriteForm.hidden = false;
    }
    feedback.hidden = true;
    feedback.replaceChildren();
    submit.hidden = false;
    say('');
    form.scrollIntoView({ block: 'start' });
  };

  async function loadNext() {
    const query = new URLSearchParams({ blueprintId: field('blueprintId').value, mode: field('mode').value });
    if (field('chapter').value) query.set('chapter', field('chapter').value);
    const response = await fetch(`/api/v1/practice?${query}`, { credentials: 'same-origin' });
    if (!response.ok) return say('下一题加载失败，请刷新页面');
    showQuestion(await response.json());
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    const answer = chosen();
    if (answer.length === 0) return say('请先选择答案');
    busy = true;
    try {
      const response = await fetch('/api/v1/practice/answers', {
        method: 'POST',
        credentials: 'same-origin',
        headers,
        body: JSON.stringify({ questionId: field('questionId').value, answer, queue: field('queue').value, position: Number(field('position').value) }),
      });
      const body = await response.json();
      if (!response.ok) return say(body.error ?? '提交失败');
      const favourite = favouriteForm ? favouriteForm.querySelector('input[name="on"]').value === '0' : false;
      showFeedback(body, favourite);
    } catch {
      say('网络中断，答案未提交');
    } finally {
      busy = false;
    }
  });
});
