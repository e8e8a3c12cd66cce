// placeholder until the Notebook target lands
