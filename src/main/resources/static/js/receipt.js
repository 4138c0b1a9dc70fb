// The receipt's print button (a script file rather than an inline handler, which the CSP refuses).
(function () {
    'use strict';
    var button = document.getElementById('print-receipt');
    if (button) {
        button.addEventListener('click', function () {
            window.print();
        });
    }
})();
