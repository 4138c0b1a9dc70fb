// Owner pages on phones: the tab bar scrolls sideways; bring the active tab into view.
document.querySelectorAll('.mm-admin-nav a.active').forEach(function (tab) {
    tab.scrollIntoView({block: 'nearest', inline: 'center'});
});
