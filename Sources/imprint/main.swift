import ImprintCommands

ImprintCommand.main()
