print("solvable")
