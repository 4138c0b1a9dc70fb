// One-tap copy for share links and texts: a button with data-copy-target="ID" copies that field.
// navigator.clipboard needs a secure context; elsewhere the text is selected and copied the old way,
// and if even that fails it stays selected so the user can copy it by hand. The button's data-copied /
// data-copy-failed attributes carry the translated message shown in the element with id ID-status.
(function () {
    'use strict';
    if (window.micromallShare) {
        return;
    }
    window.micromallShare = true;

    function selectText(field) {
        field.focus();
        if (typeof field.select === 'function') {
            field.select();
            if (typeof field.setSelectionRange === 'function') {
                field.setSelectionRange(0, field.value.length);
            }
        }
    }

    function legacyCopy(field) {
        selectText(field);
        try {
            return document.execCommand('copy');
        } catch (e) {
            return false;
        }
    }

    function tell(button, ok) {
        var status = document.getElementById(button.getAttribute('data-copy-target') + '-status');
        var message = button.getAttribute(ok ? 'data-copied' : 'data-copy-failed') || '';
        if (status) {
            status.textContent = message;
            status.classList.toggle('text-success', ok);
            status.classList.toggle('text-danger', !ok);
        }
        button.setAttribute('data-state', ok ? 'copied' : 'failed');
    }

    document.addEventListener('click', function (event) {
        var button = event.target.closest('[data-copy-target]');
        if (!button) {
            return;
        }
        var field = document.getElementById(button.getAttribute('data-copy-target'));
        if (!field) {
            return;
        }
        var text = field.value !== undefined ? field.value : field.textContent;
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(function () {
                tell(button, true);
            }, function () {
                tell(button, legacyCopy(field));
            });
        } else {
            tell(button, legacyCopy(field));
        }
    });
})();
