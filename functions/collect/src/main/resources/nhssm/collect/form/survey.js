// Enhancements only: the form works the same without this script.
(function () {
  'use strict';

  // Move focus to the error summary, so a screen reader reads the problems first.
  var summary = document.querySelector('[data-module="error-summary"]');
  if (summary) {
    summary.focus();
  }

  // Character counts for long answers, counted as the server counts them: in characters, not UTF-16 units.
  document.querySelectorAll('textarea[data-maxlength]').forEach(function (box) {
    var max = parseInt(box.getAttribute('data-maxlength'), 10);
    var info = document.getElementById(box.id + '-info');
    if (!info) {
      return;
    }
    var live = document.createElement('p');
    live.className = 'hint character-count';
    live.setAttribute('aria-live', 'polite');
    info.parentNode.insertBefore(live, info.nextSibling);
    var update = function () {
      var left = max - Array.from(box.value.replace(/\r\n/g, '\n')).length;
      live.textContent = left >= 0
        ? 'You have ' + left.toLocaleString('en-GB') + ' characters remaining'
        : 'You have ' + (-left).toLocaleString('en-GB') + ' characters too many';
      live.classList.toggle('error-message', left < 0);
    };
    box.addEventListener('input', update);
    update();
  });

  // Questions that do not apply given another answer are hidden (their inputs disabled, so not sent),
  // never cleared: changing the other answer back shows what was typed.
  document.querySelectorAll('[data-when-question]').forEach(function (group) {
    var other = group.getAttribute('data-when-question');
    var codes = group.getAttribute('data-when-in').split(' ');
    var allowed = group.getAttribute('data-allowed').split(' ').filter(Boolean);
    var controls = document.querySelectorAll('input[name="' + other + '"]');
    var apply = function () {
      var ruledOut = Array.prototype.some.call(controls, function (c) {
        return c.checked && codes.indexOf(c.value) >= 0;
      });
      var inputs = group.querySelectorAll('input, textarea');
      if (allowed.length === 0) {
        group.hidden = ruledOut;
        inputs.forEach(function (i) { i.disabled = ruledOut; });
      } else {
        inputs.forEach(function (i) {
          var off = ruledOut && allowed.indexOf(i.value) < 0;
          i.disabled = off;
          i.parentNode.hidden = off;
        });
      }
    };
    controls.forEach(function (c) { c.addEventListener('change', apply); });
    apply();
  });
}());
