def run(rounds, size):
    table = {}
    order = []
    hits = 0
    seed = 12345
    for r in range(rounds):
        seed = (seed * 1103515245 + 12345) % 2147483648
        key = seed % size
        if key in table:
            hits = hits + 1
            del table[key]
        else:
            table[key] = r
            order.append(key)
        if len(order) > size:
            oldest = order[0]
            order = order[1:]
            if oldest in table:
                table[oldest] = table[oldest] + 1
        name = "k" + str(key % 64)
        if name in table:
            table[name] = table[name] + 1
        else:
            table[name] = 1
    total = 0
    for k in table:
        total = (total + table[k]) % 1000000007
    return [hits, len(table), len(order), total]


print(run(300000, 1000))
