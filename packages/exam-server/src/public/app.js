// Progressive enhancement only: the countdown of a mock exam. The server keeps the real deadline and
// grades the paper when it passes; when the countdown ends here, the page submits what was saved.
document.addEventListener('DOMContentLoaded', () => {
  const timer = document.querySelector('.timer[data-remaining]');
  if (!timer) return;
  const shown = document.getElementById('countdown');
  const form = document.getElementById(timer.getAttribute('data-submit-form'));
  const end = Date.now() + Number(timer.getAttribute('data-remaining')) * 1000;
  // The page reads 剩余 <b>300</b> 秒 without script; with it, 剩余 <b>4分59</b> 秒.
  const format = (seconds) => `${Math.floor(seconds / 60)}分${String(seconds % 60).padStart(2, '0')}`;
  const tick = () => {
    const left = Math.max(0, Math.round((end - Date.now()) / 1000));
    shown.textContent = format(left);
    timer.classList.toggle('low', left < 300);
    if (left === 0) {
      clearInterval(interval);
      if (form) form.submit();
    }
  };
  const interval = setInterval(tick, 1000);
  tick();
});
