const { tabs, windows } = chrome;
console.log('@sb', 'tabs constants', [tabs.TAB_ID_NONE, tabs.TAB_INDEX_NONE, tabs.SPLIT_VIEW_ID_NONE, tabs.MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND]);
console.log('@sb', 'tabs enums', { MutedInfoReason: tabs.MutedInfoReason, TabStatus: tabs.TabStatus, WindowType: tabs.WindowType, ZoomSettingsMode: tabs.ZoomSettingsMode, ZoomSettingsScope: tabs.ZoomSettingsScope });
console.log('@sb', 'windows constants', [windows.WINDOW_ID_NONE, windows.WINDOW_ID_CURRENT]);
console.log('@sb', 'windows enums', { CreateType: windows.CreateType, WindowState: windows.WindowState, WindowType: windows.WindowType });
console.log('@sb', 'function names', [tabs.query.name, tabs.create.name, windows.getAll.name]);
tabs.getCurrent().then((tab) => console.log('@sb', 'getCurrent in the worker', tab === undefined ? 'undefined' : typeof tab));
