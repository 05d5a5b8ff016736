// Function commands (ribbon button 一键检查). Completed when the Office host lands.
Office.onReady(() => {
  Office.actions.associate('runCheckCommand', (event: Office.AddinCommands.Event) => {
    event.completed();
  });
});
