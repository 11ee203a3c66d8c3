def mandelbrot(size, limit):
    inside = 0
    y = 0
    while y < size:
        ci = 2.0 * y / size - 1.0
        x = 0
        while x < size:
            cr = 2.5 * x / size - 2.0
            zr = 0.0
            zi = 0.0
            n = 0
            while n < limit and zr * zr + zi * zi <= 4.0:
                t = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = t
                n = n + 1
            if n == limit:
                inside = inside + 1
            x = x + 1
        y = y + 1
    return inside


def basel(terms):
    total = 0.0
    k = 1.0
    while k <= terms:
        total = total + 1.0 / (k * k)
        k = k + 1.0
    return total


print(mandelbrot(250, 80), basel(1000000.0))
