/* The language switch on every page: Chinese only by default; English and the technical names (rule ids, fact names) on demand, remembered in localStorage. */
(function () {
  'use strict';
  var key = 'anquan-docs-language';
  var root = document.documentElement;

  function stored() {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null; // storage refused (private mode, file:// in some browsers): the page stays Chinese only
    }
  }
  function apply(showEnglish) {
    root.classList.toggle('show-en', showEnglish);
    var buttons = document.querySelectorAll('button.language');
    for (var i = 0; i < buttons.length; i += 1) {
      buttons[i].setAttribute('aria-pressed', showEnglish ? 'true' : 'false');
      buttons[i].textContent = showEnglish ? '只看中文' : 'English';
    }
  }

  // Applied before the body is drawn, so a reader who chose English does not see the page change under them.
  apply(stored() === 'en');

  document.addEventListener('DOMContentLoaded', function () {
    apply(root.classList.contains('show-en'));
    var buttons = document.querySelectorAll('button.language');
    for (var i = 0; i < buttons.length; i += 1) {
      buttons[i].hidden = false;
      buttons[i].addEventListener('click', function () {
        var showEnglish = !root.classList.contains('show-en');
        apply(showEnglish);
        try {
          window.localStorage.setItem(key, showEnglish ? 'en' : 'zh');
        } catch (error) {
          // not remembered; the switch still works on this page
        }
      });
    }
  });
})();
