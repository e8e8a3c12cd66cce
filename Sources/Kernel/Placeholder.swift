// placeholder until the Kernel target lands
