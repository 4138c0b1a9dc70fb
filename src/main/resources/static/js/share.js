// One-tap copy for share links and texts: a button with data-copy-target="ID" copies that field.
// A button with data-share-url opens the device's share sheet (Web Share API, mostly phones); it stays hidden where
// the browser has none, and if the sheet fails for another reason than the user closing it, its copy button is used.
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

    function offerShareSheets() {
        if (typeof navigator.share !== 'function') {
            return;
        }
        document.querySelectorAll('[data-share-url]').forEach(function (button) {
            button.classList.remove('d-none');
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', offerShareSheets);
    } else {
        offerShareSheets();
    }

    // A share action (copy, QR download) is counted for the owner's rate experiments when the page carries the
    // share-action form (the distributor's dashboard): a POST with its CSRF token, fire and forget.
    function countShareAction(element) {
        var form = document.getElementById('share-action-form');
        var kind = element.getAttribute('data-share-action');
        if (!form || !kind) {
            return;
        }
        var body = new URLSearchParams(new FormData(form));
        body.set('kind', kind);
        fetch(form.action, {method: 'POST', body: body, credentials: 'same-origin', keepalive: true})
            .catch(function () { /* counting must never get in the way of sharing */ });
    }

    document.addEventListener('click', function (event) {
        var download = event.target.closest('a[data-share-action]');
        if (download) {
            countShareAction(download);
        }
        var sheet = event.target.closest('[data-share-url]');
        if (sheet && typeof navigator.share === 'function') {
            navigator.share({
                title: sheet.getAttribute('data-share-title') || undefined,
                text: sheet.getAttribute('data-share-text') || undefined,
                url: sheet.getAttribute('data-share-url')
            }).catch(function (error) {
                var copy = document.getElementById(sheet.getAttribute('data-share-copy'));
                if (error && error.name !== 'AbortError' && copy) {
                    copy.click();
                }
            });
            return;
        }
        var button = event.target.closest('[data-copy-target]');
        if (!button) {
            return;
        }
        var field = document.getElementById(button.getAttribute('data-copy-target'));
        if (!field) {
            return;
        }
        var text = field.value !== undefined ? field.value : field.textContent;
        countShareAction(button);
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
