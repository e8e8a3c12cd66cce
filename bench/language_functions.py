"""The Python peer of the user-function part of bench/language.sh: a function with a
default and a branch, called once per element in a list comprehension over range(n),
then summed; whole process."""
import sys

n = int(sys.argv[1])


def f(x, c=1):
    return x * x + c if x % 2 == 0 else x - c


v = [f(x) for x in range(n) if x >= 0]
print(f"{sum(v):.15g}")
