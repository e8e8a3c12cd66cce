// placeholder until the display tests land
