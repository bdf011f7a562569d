"""Home: the first screen, with the quick log and breathing one tap away."""
