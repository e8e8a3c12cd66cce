// placeholder until the Models target lands
