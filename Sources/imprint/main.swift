import ImprintCommands

ImprintCommand.runMain()
