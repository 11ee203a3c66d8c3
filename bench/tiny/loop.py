def run(outer, inner):
    total = 0
    i = 0
    while i < outer:
        j = 0
        while j < inner:
            total = (total + i * j) % 1000003
            j = j + 1
        i = i + 1
    return total


print(run(5000, 1000))
