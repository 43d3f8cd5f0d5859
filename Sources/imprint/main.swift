import ImprintCommands

await ImprintCommand.runMain()
