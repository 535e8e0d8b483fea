// The ribbon's function file. The only ribbon button opens the task pane (ShowTaskpane), so no function is registered.
if (typeof Office !== "undefined") {
  void Office.onReady();
}
