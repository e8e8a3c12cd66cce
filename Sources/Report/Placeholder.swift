// placeholder until the Report target lands
