// placeholder until the JupyterProtocol target lands
